package dev.callcenter.server;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.PageRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a first start loads, so that the server can take a call right away: one agent per department. */
final class SampleData {
  private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);

  private SampleData() {}

  /** Loads the sample data unless there are agents already (a database used before); answers whether it did. */
  static boolean loadIfEmpty(CallCenter center) {
    if (center.listAgents(AgentQuery.ALL, PageRequest.first(1)).total() > 0) {
      return false;
    }
    center.addAgent(new NewAgent("agent-reception", "Layla Haddad", "layla@example.com", "1001",
        Department.RECEPTION, Map.of("arabic", 5, "english", 4)));
    center.addAgent(new NewAgent("agent-sales", "Omar Khalil", "omar@example.com", "1002", Department.SALES,
        Map.of("arabic", 4, "english", 5, "products", 4)));
    center.addAgent(new NewAgent("agent-complaints", "Sara Nasser", "sara@example.com", "1003",
        Department.COMPLAINTS, Map.of("arabic", 5, "english", 3, "orders", 4)));
    LOG.info("first start: loaded the sample agents agent-reception, agent-sales, agent-complaints");
    return true;
  }
}
