package io.deltapromotion.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the table policy at start-up. A file that is missing, unreadable or invalid stops the service
 * from starting, with every error listed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TablePolicyProperties.class)
public class TablePolicyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TablePolicyConfiguration.class);

  @Bean
  TablePolicies tablePolicies(TablePolicyProperties properties) {
    if (properties.file() == null) {
      log.warn("No table policy file (deltapromotion.policy.file): every table gets the built-in defaults");
      return TablePolicies.NONE;
    }
    TablePolicies policies = load(properties.file());
    log.info("Loaded the table policy {} ({} table and schema entries)", properties.file(), policies.size());
    return policies;
  }

  /** Reads and validates a policy file. */
  public static TablePolicies load(Path file) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the table policy " + file.toAbsolutePath() + " (deltapromotion.policy.file): "
          + e, e);
    }
    return PolicyFileReader.read(file.toString(), yaml);
  }
}
