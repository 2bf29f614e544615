package io.deltapromotion.infrastructure.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What every service traces (see {@code delta-promotion-tracing.yml}): the events it publishes and reads
 * ({@link EventTracing}, over Spring Boot's tracer, or none without one), and its HTTP requests (a
 * pipeline's commit, an operator's command), each the child of the caller's {@code traceparent}, but not
 * the probes and scrapes of {@code /actuator}, which would otherwise be a trace each, every few seconds.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

  @Bean
  EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(ServerRequestObservationContext.class)
  static class HttpRequests {

    @Bean
    ObservationPredicate actuatorRequestsUntraced() {
      return (name, context) -> !(context instanceof ServerRequestObservationContext request
          && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator"));
    }
  }
}
