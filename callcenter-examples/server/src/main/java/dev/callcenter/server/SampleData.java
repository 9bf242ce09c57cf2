package dev.callcenter.server;

import dev.callcenter.core.CallCenter;
import dev.callcenter.core.Department;
import dev.callcenter.core.NewAgent;
import dev.callcenter.core.store.AgentQuery;
import dev.callcenter.core.store.PageRequest;
import dev.callcenter.crm.CrmService;
import dev.callcenter.crm.CustomerQuery;
import dev.callcenter.crm.NewCustomer;
import dev.callcenter.sip.extension.Extensions;
import dev.callcenter.sip.extension.NewExtension;
import dev.callcenter.sip.extension.UserQuery;
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

  /** Loads each part of the sample data whose store is still empty (so a database used before keeps its own). */
  static void loadIfEmpty(CallCenter center, CrmService crm, Extensions extensions) {
    if (center.listAgents(AgentQuery.ALL, PageRequest.first(1)).total() == 0) {
      center.addAgent(new NewAgent("agent-reception", "Layla Haddad", "layla@example.com", "1001",
          Department.RECEPTION, Map.of("arabic", 5, "english", 4)));
      center.addAgent(new NewAgent("agent-sales", "Omar Khalil", "omar@example.com", "1002", Department.SALES,
          Map.of("arabic", 4, "english", 5, "products", 4)));
      center.addAgent(new NewAgent("agent-complaints", "Sara Nasser", "sara@example.com", "1003",
          Department.COMPLAINTS, Map.of("arabic", 5, "english", 3, "orders", 4)));
      LOG.info("first start: loaded the sample agents agent-reception, agent-sales and agent-complaints");
    }
    if (extensions.searchUsers(UserQuery.ALL, PageRequest.first(1)).total() == 0) {
      user(extensions, "agent-reception", "Layla Haddad", "layla@example.com", "1001");
      user(extensions, "agent-sales", "Omar Khalil", "omar@example.com", "1002");
      user(extensions, "agent-complaints", "Sara Nasser", "sara@example.com", "1003");
      LOG.info("loaded the sample users with extensions 1001-1003");
    }
    if (crm.customers().search(CustomerQuery.ALL, PageRequest.first(1)).total() > 0) {
      return;
    }
    crm.customers().create(NewCustomer.builder().id("cust-1001").name("أحمد السالم").phone("+966501112233")
        .email("ahmed@example.com").preferredLanguage("ar").tier("gold").pin(SAMPLE_PIN).tag("sample").build());
    crm.customers().create(NewCustomer.builder().id("cust-1002").name("Emily Carter").phone("+442079460123")
        .email("emily@example.com").preferredLanguage("en").tier("standard").tag("sample").build());
    LOG.info("loaded the sample customers cust-1001 and cust-1002");
  }

  private static void user(Extensions extensions, String id, String name, String email, String extension) {
    extensions.createUser(id, name, email, UserRole.AGENT);
    extensions.create(new NewExtension(extension, name, randomPassword(), id));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return "Sx7" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
