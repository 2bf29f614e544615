package io.deltapromotion.policy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the table policy file is ({@code deltapromotion.policy.*}).
 *
 * @param file path of the policy YAML (e.g. {@code config/table-policies.yaml}); unset (the default)
 *     means every table gets the built-in defaults: no key columns, WARN above 10% drift, breaking
 *     schema changes never allowed, no custom checks, no release tag
 */
@ConfigurationProperties("deltapromotion.policy")
public record TablePolicyProperties(Path file) {}
