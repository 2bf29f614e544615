package io.deltapromotion.infrastructure.tracing;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What every service traces besides its events (see {@code delta-promotion-tracing.yml}): its HTTP
 * requests (a pipeline's commit, an operator's command), each the child of the caller's
 * {@code traceparent}, but not the probes and scrapes of {@code /actuator}, which would otherwise be a
 * trace each, every few seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ServerRequestObservationContext.class)
public class TracingConfiguration {

  @Bean
  ObservationPredicate actuatorRequestsUntraced() {
    return (name, context) -> !(context instanceof ServerRequestObservationContext request
        && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/actuator"));
  }
}
