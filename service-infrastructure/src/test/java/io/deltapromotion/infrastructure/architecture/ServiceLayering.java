package io.deltapromotion.infrastructure.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering every service keeps, as ArchUnit rules its {@code LayeringTest} applies to its own
 * package (shared through this module's test jar): the domain decides, the adapters around it
 * ({@code messaging}, {@code http}, {@code config}, ...) talk to Kafka, JDBC and HTTP.
 */
public final class ServiceLayering {

  private ServiceLayering() {}

  /** The domain uses neither Kafka, JDBC, HTTP, Spring nor the event classes. */
  public static ArchRule domainUsesNoInfrastructure(String servicePackage) {
    return noClasses().that().resideInAPackage(servicePackage + ".domain..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.apache.kafka..", "org.springframework..", "java.sql..", "javax.sql..", "java.net.http..",
            "jakarta.servlet..", "io.deltapromotion.events..", "io.deltapromotion.infrastructure.warehouse.jdbc..",
            "io.deltapromotion.infrastructure.kafka..", "io.deltapromotion.infrastructure.http..")
        .because("the domain is tested without infrastructure and stays the same whatever carries its events");
  }

  /** The domain is what the service's adapters share; it depends on none of them. */
  public static ArchRule domainDependsOnNoAdapter(String servicePackage) {
    return noClasses().that().resideInAPackage(servicePackage + ".domain..")
        .should().dependOnClassesThat(resideInAPackage(servicePackage + "..")
            .and(not(resideInAPackage(servicePackage + ".domain.."))))
        .because("adapters depend on the domain, never the other way round");
  }
}
