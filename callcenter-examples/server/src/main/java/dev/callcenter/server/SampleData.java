package dev.callcenter.server;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.NewCustomer;
import dev.callcenter.sip.extension.Extensions;
import dev.callcenter.sip.extension.NewExtension;
import dev.callcenter.sip.extension.UserRole;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a first start loads, so that the server can take a call right away: one agent per department, each a user
 * with a SIP extension (1001-1003, with a random password that is never shown: set one with
 * {@code PUT /api/callcenter/extensions/{id}}), and two customers, one of them with the IVR PIN 4321.
 */
final class SampleData {
  static final String SAMPLE_PIN = "4321";
  private static final Logger LOG = LoggerFactory.getLogger(SampleData.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private SampleData() {}

  /** Loads the sample data unless there are agents already (a database used before); answers whether it did. */
  static boolean loadIfEmpty(CallCenter center, CrmService crm, Extensions extensions) {
    if (center.listAgents(AgentQuery.ALL, PageRequest.first(1)).total() > 0) {
      return false;
    }
    agent(center, extensions, "agent-reception", "Layla Haddad", "layla@example.com", "1001", Department.RECEPTION,
        Map.of("arabic", 5, "english", 4));
    agent(center, extensions, "agent-sales", "Omar Khalil", "omar@example.com", "1002", Department.SALES,
        Map.of("arabic", 4, "english", 5, "products", 4));
    agent(center, extensions, "agent-complaints", "Sara Nasser", "sara@example.com", "1003", Department.COMPLAINTS,
        Map.of("arabic", 5, "english", 3, "orders", 4));
    crm.customers().create(NewCustomer.builder().id("cust-1001").name("أحمد السالم").phone("+966501112233")
        .email("ahmed@example.com").preferredLanguage("ar").tier("gold").pin(SAMPLE_PIN).tag("sample").build());
    crm.customers().create(NewCustomer.builder().id("cust-1002").name("Emily Carter").phone("+442079460123")
        .email("emily@example.com").preferredLanguage("en").tier("standard").tag("sample").build());
    LOG.info("first start: loaded the sample agents (agent-reception, agent-sales, agent-complaints), their users "
        + "and extensions 1001-1003, and the customers cust-1001 and cust-1002");
    return true;
  }

  private static void agent(CallCenter center, Extensions extensions, String id, String name, String email,
      String extension, Department department, Map<String, Integer> skills) {
    center.addAgent(new NewAgent(id, name, email, extension, department, skills));
    extensions.createUser(id, name, email, UserRole.AGENT);
    extensions.create(new NewExtension(extension, name, randomPassword(), id));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "Sx7" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
