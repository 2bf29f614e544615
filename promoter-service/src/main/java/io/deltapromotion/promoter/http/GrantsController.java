package io.deltapromotion.promoter.http;

import io.deltapromotion.infrastructure.http.JsonEndpoint;
import io.deltapromotion.promoter.domain.Ladder;
import io.deltapromotion.promoter.domain.StageGrants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/commands/grants?principal=P[&revoke-from=G...]}: the Unity Catalog statements that
 * make every stage the promoter writes writable by principal P alone ({@link StageGrants}); for an
 * administrator to run. Nothing is written.
 */
@RestController
class GrantsController extends JsonEndpoint {

  private final Ladder ladder;

  GrantsController(Ladder ladder) {
    super("query");
    this.ladder = ladder;
  }

  @GetMapping(CommandEndpoint.PATH + "/grants")
  Map<String, Object> grants(@RequestParam String principal,
      @RequestParam(name = "revoke-from", required = false) List<String> revokeFrom) {
    List<String> others = revokeFrom == null ? List.of() : revokeFrom;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("principal", principal);
    body.put("revokeFrom", others);
    body.put("statements", StageGrants.statements(ladder, principal, others));
    return body;
  }
}
