package dev.callcenter.docs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction of dependencies in DESIGN.md, checked on the compiled classes of every library module: core at the
 * bottom; rules, crm and sip on top of it, where crm and sip may use rules (DESIGN.md's table: crm's ticket
 * automation evaluates rules) but never each other, and rules uses neither; ivr above them; the testkit beside
 * ivr; the examples (JDBC store, JAIN-SIP adapter, server) on top, and no library reaching up to them. Rules that
 * find no classes (a module not written yet) pass.
 */
@AnalyzeClasses(packages = "dev.callcenter", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  static final String CORE = "dev.callcenter.core..";
  static final String RULES = "dev.callcenter.rules..";
  static final String CRM = "dev.callcenter.crm..";
  static final String SIP = "dev.callcenter.sip..";
  static final String IVR = "dev.callcenter.ivr..";
  static final String TESTKIT = "dev.callcenter.testkit..";
  /** The example adapters and server, the benchmarks and these docs: nothing below may use them. */
  static final String[] EXAMPLES = {"dev.callcenter.jdbc..", "dev.callcenter.sipjain..", "dev.callcenter.server..",
      "dev.callcenter.examples..", "dev.callcenter.benchmarks..", "dev.callcenter.docs.."};

  private static String[] plus(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @ArchTest
  static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE = noClasses().that().resideInAPackage(CORE)
      .should().dependOnClassesThat().resideInAnyPackage(plus(EXAMPLES, RULES, CRM, SIP, IVR, TESTKIT))
      .because("callcenter-core is the bottom layer")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule RULES_STANDS_ON_CORE_ONLY = noClasses().that().resideInAPackage(RULES)
      .should().dependOnClassesThat().resideInAnyPackage(plus(EXAMPLES, CRM, SIP, IVR, TESTKIT))
      .because("callcenter-rules must not depend on ivr, crm, sip or examples")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule CRM_STANDS_ON_CORE_AND_RULES = noClasses().that().resideInAPackage(CRM)
      .should().dependOnClassesThat().resideInAnyPackage(plus(EXAMPLES, SIP, IVR, TESTKIT))
      .because("callcenter-crm-spi must not depend on ivr, sip or examples")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule SIP_STANDS_ON_CORE_AND_RULES = noClasses().that().resideInAPackage(SIP)
      .should().dependOnClassesThat().resideInAnyPackage(plus(EXAMPLES, CRM, IVR, TESTKIT))
      .because("callcenter-sip-spi must not depend on ivr, crm or examples")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule IVR_DOES_NOT_REACH_UP = noClasses().that().resideInAPackage(IVR)
      .should().dependOnClassesThat().resideInAnyPackage(plus(EXAMPLES, TESTKIT))
      .because("callcenter-ivr must not depend on the examples")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule TESTKIT_DOES_NOT_REACH_UP = noClasses().that().resideInAPackage(TESTKIT)
      .should().dependOnClassesThat().resideInAnyPackage(EXAMPLES)
      .because("callcenter-testkit is published for adapter authors and must not depend on the examples")
      .allowEmptyShould(true);

  /** The rules above see the library modules' classes and not the tests of this module. */
  @ArchTest
  static void analysesTheLibraryClassesOnly(JavaClasses classes) {
    assertThat(classes.contain("dev.callcenter.core.CallCenter")).as("core classes imported").isTrue();
    assertThat(classes.contain("dev.callcenter.testkit.EventPublisherCompatibilityKit")).as("testkit imported")
        .isTrue();
    assertThat(classes.contain(ReadmeExampleTest.class)).as("test classes left out").isFalse();
  }

  @ArchTest
  static final ArchRule MODULES_HAVE_NO_CYCLES = slices().matching("dev.callcenter.(*)..")
      .should().beFreeOfCycles()
      .allowEmptyShould(true);
}
