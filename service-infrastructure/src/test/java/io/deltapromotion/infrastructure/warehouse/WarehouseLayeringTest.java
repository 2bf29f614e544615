package io.deltapromotion.infrastructure.warehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The warehouse API is what services' domain code may depend on, so it must stay free of JDBC: the
 * adapter in {@code warehouse.jdbc} implements it, never the other way round.
 */
@AnalyzeClasses(packages = "io.deltapromotion.infrastructure", importOptions = ImportOption.DoNotIncludeTests.class)
class WarehouseLayeringTest {

  @ArchTest
  static final ArchRule theApiDoesNotUseJdbc = noClasses()
      .that().resideInAPackage("io.deltapromotion.infrastructure.warehouse")
      .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
      .because("domain code depends on the warehouse API and must not see JDBC");

  @ArchTest
  static final ArchRule theApiDoesNotKnowItsAdapter = noClasses()
      .that().resideInAPackage("io.deltapromotion.infrastructure.warehouse")
      .should().dependOnClassesThat().resideInAPackage("io.deltapromotion.infrastructure.warehouse.jdbc..");
}
