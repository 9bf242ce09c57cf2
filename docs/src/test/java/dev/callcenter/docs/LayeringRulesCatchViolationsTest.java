package dev.callcenter.docs;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.callcenter.core.layeringfixture.ReachesIntoTestkit;
import dev.callcenter.crm.layeringfixture.ReachesIntoSip;
import dev.callcenter.ivr.layeringfixture.ReachesIntoServer;
import dev.callcenter.sip.layeringfixture.SipExtension;
import org.junit.jupiter.api.Test;

/** {@link LayeringTest} is worth something only if it fails on a violation: feed it some on purpose. */
class LayeringRulesCatchViolationsTest {

  @Test
  void coreUsingTheTestkitIsCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoTestkit.class);
    assertThatThrownBy(() -> LayeringTest.CORE_DEPENDS_ON_NO_OTHER_MODULE.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ReachesIntoTestkit")
        .hasMessageContaining("dev.callcenter.testkit.MutableClock");
  }

  @Test
  void crmUsingSipIsCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoSip.class);
    assertThatThrownBy(() -> LayeringTest.CRM_STANDS_ON_CORE_AND_RULES.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("SipExtension");
  }

  @Test
  void ivrUsingTheServerIsCaught() {
    JavaClasses classes = new ClassFileImporter().importClasses(ReachesIntoServer.class);
    assertThatThrownBy(() -> LayeringTest.IVR_DOES_NOT_REACH_UP.check(classes))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ServerRoutes");
  }

  @Test
  void classesThatKeepTheirPlacePass() {
    JavaClasses classes = new ClassFileImporter().importClasses(SipExtension.class);
    assertThatCode(() -> LayeringTest.SIP_STANDS_ON_CORE_AND_RULES.check(classes)).doesNotThrowAnyException();
  }
}
