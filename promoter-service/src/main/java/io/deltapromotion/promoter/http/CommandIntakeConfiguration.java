package io.deltapromotion.promoter.http;

import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.promoter.config.CommandIntakeProperties;
import io.deltapromotion.promoter.config.CommandIntakeProperties.Operator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Guards the command endpoints with the operators' bearer tokens. */
@Configuration(proxyBeanMethods = false)
class CommandIntakeConfiguration implements WebMvcConfigurer {

  private final CommandIntakeProperties properties;

  CommandIntakeConfiguration(CommandIntakeProperties properties) {
    this.properties = properties;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    Map<String, String> tokens = new LinkedHashMap<>();
    for (Operator operator : properties.operators()) {
      tokens.put(operator.name(), operator.token());
    }
    registry.addInterceptor(new BearerTokenInterceptor(tokens, "deltapromotion.promoter.commands.operators"))
        .addPathPatterns(CommandEndpoint.PATH + "/**");
  }
}
