package io.deltapromotion.detector.http;

import io.deltapromotion.detector.config.DetectorProperties;
import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    registry.addInterceptor(new BearerTokenInterceptor(tokensByName(properties.intake().tokens()),
            "deltapromotion.detector.intake.tokens"))
        .addPathPatterns(PipelineCommitController.PATH);
  }

  /** Pipeline tokens are not personal: each is named by its place in the list. */
  private static Map<String, String> tokensByName(List<String> tokens) {
    Map<String, String> named = new LinkedHashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      named.put("pipeline-token-" + (i + 1), tokens.get(i));
    }
    return named;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
