package io.deltapromotion.promoter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain decides; adapters talk to Kafka, JDBC and HTTP. The domain must not know them. */
@AnalyzeClasses(packages = "io.deltapromotion.promoter", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule theDomainUsesNeitherKafkaNorJdbcNorSpring = noClasses()
      .that().resideInAPackage("io.deltapromotion.promoter.domain..")
      .should().dependOnClassesThat().resideInAnyPackage(
          "org.apache.kafka..", "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..",
          "io.deltapromotion.events..", "io.deltapromotion.infrastructure.warehouse.jdbc..",
          "io.deltapromotion.infrastructure.kafka..")
      .because("the domain is tested without infrastructure and stays the same whatever carries its events");

  @ArchTest
  static final ArchRule onlyTheDomainIsSharedBetweenAdapters = noClasses()
      .that().resideInAPackage("io.deltapromotion.promoter.domain..")
      .should().dependOnClassesThat().resideInAnyPackage("io.deltapromotion.promoter.messaging..", "io.deltapromotion.promoter.config..");
}
