package io.deltapromotion.promoter.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.deltapromotion.promoter.domain.OperatorGrants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * @param may what they may do, each {@code action:stage} with {@code *} for every stage (actions:
   *     approve (and reject), promote, rollback, rebaseline), e.g. {@code [approve:live, rollback:*]};
   *     empty (the default) for everything
   */
  public record Operator(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}") String name,
      @NotBlank @Size(min = 32) String token,
      @DefaultValue({}) List<@NotBlank String> may) {

    @Override
    public String toString() {
      return "Operator[name=" + name + ", token=***, may=" + may + "]";
    }
  }

  /**
   * Every operator's grants, checked against the ladder: a grant naming no stage of it is refused at
   * start-up.
   *
   * @param stages the names of the ladder's stages, first to last
   * @throws IllegalArgumentException naming the operator and the grant
   */
  public OperatorGrants grants(List<String> stages) {
    Map<String, List<OperatorGrants.Grant>> grants = new LinkedHashMap<>();
    for (Operator operator : operators) {
      List<OperatorGrants.Grant> parsed = new ArrayList<>();
      for (String grant : operator.may()) {
        try {
          parsed.add(OperatorGrants.Grant.parse(grant));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("deltapromotion.promoter.commands.operators[" + operator.name() + "].may: "
              + e.getMessage(), e);
        }
      }
      parsed.stream().filter(grant -> grant.stage() != null && !stages.contains(grant.stage())).findFirst()
          .ifPresent(grant -> {
            throw new IllegalArgumentException("deltapromotion.promoter.commands.operators[" + operator.name()
                + "].may: " + grant + " names no stage of the ladder; those are " + stages);
          });
      grants.put(operator.name(), parsed);
    }
    return new OperatorGrants(grants);
  }
}
