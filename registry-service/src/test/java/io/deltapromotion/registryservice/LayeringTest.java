package io.deltapromotion.registryservice;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.deltapromotion.infrastructure.architecture.ServiceLayering;

/** The ledger and its questions know nothing of Kafka, JDBC or HTTP. */
@AnalyzeClasses(packages = LayeringTest.SERVICE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  static final String SERVICE = "io.deltapromotion.registryservice";

  @ArchTest
  static final ArchRule theDomainUsesNeitherKafkaNorJdbcNorSpring = ServiceLayering.domainUsesNoInfrastructure(SERVICE);

  @ArchTest
  static final ArchRule onlyTheDomainIsSharedBetweenAdapters = ServiceLayering.domainDependsOnNoAdapter(SERVICE);
}
