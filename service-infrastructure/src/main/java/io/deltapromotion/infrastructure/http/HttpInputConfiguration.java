package io.deltapromotion.infrastructure.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What every service's HTTP endpoints share: the body limit, first in the filter chain, and the answer to
 * a body that is not JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpInputProperties.class)
public class HttpInputConfiguration {

  @Bean
  FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(HttpInputProperties properties) {
    FilterRegistrationBean<RequestBodyLimit> registration =
        new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxBodySize().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  UnsupportedBodyAdvice unsupportedBodyAdvice() {
    return new UnsupportedBodyAdvice();
  }
}
