package io.deltapromotion.infrastructure.http;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The limits every service's HTTP endpoints share, first in the filter chain. */
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
}
