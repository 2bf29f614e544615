package io.deltapromotion.detector.http;

import io.deltapromotion.detector.config.DetectorProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the intake with its bearer tokens. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration implements WebMvcConfigurer {

  private final DetectorProperties properties;

  IntakeConfiguration(DetectorProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new BearerTokenInterceptor(properties.intake().tokens()))
        .addPathPatterns(PipelineCommitController.PATH);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
