package io.deltapromotion.notifier;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.deltapromotion.infrastructure.architecture.ServiceLayering;

/** The domain decides; adapters talk to Kafka, JDBC and HTTP. The domain must not know them. */
@AnalyzeClasses(packages = LayeringTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  static final String SERVICE = "io.deltapromotion.notifier";

  @ArchTest
  static final ArchRule theDomainUsesNeitherKafkaNorJdbcNorSpring = ServiceLayering.domainUsesNoInfrastructure(SERVICE);

  @ArchTest
  static final ArchRule onlyTheDomainIsSharedBetweenAdapters = ServiceLayering.domainDependsOnNoAdapter(SERVICE);
}
