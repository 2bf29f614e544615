package io.deltapromotion.promoter.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may issue operator commands ({@code deltapromotion.promoter.commands.*}).
 *
 * @param operators each operator's name (recorded as the command's actor) and bearer token; none (the
 *     default) closes the command endpoints
 */
@Validated
@ConfigurationProperties("deltapromotion.promoter.commands")
public record CommandIntakeProperties(@DefaultValue({}) List<@Valid Operator> operators) {

  /**
   * @param name who the operator is, e.g. alice (letters, digits, '.', '_', '@' or '-')
   * @param token their bearer token, at least 32 characters; prefer an environment variable
   */
  public record Operator(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String name,
      @NotBlank @Size(min = 32) String token) {

    @Override
    public String toString() {
      return "Operator[name=" + name + ", token=***]";
    }
  }
}
