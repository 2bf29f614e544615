package io.deltapromotion.promoter.http;

import io.deltapromotion.infrastructure.http.BearerTokenInterceptor;
import io.deltapromotion.infrastructure.kafka.EventPublisher;
import io.deltapromotion.promoter.domain.CommandRefusedException;
import io.deltapromotion.promoter.messaging.ReleaseRegistryListener;
import io.deltapromotion.schemas.topics.EventTopics;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/commands/rebuild-release-registry}: the release registry table is rebuilt from the
 * event log. Its writer re-reads the promotion-done topic from the beginning; rows already in the table
 * are kept, missing ones written again, none twice. 202 once the re-read has started (it runs on in the
 * background); 409 when the table is disabled or its writer has no partitions yet.
 */
@RestController
class RebuildController extends CommandEndpoint {

  private static final Logger log = LoggerFactory.getLogger(RebuildController.class);

  private final ObjectProvider<ReleaseRegistryListener> registry;

  RebuildController(ObjectProvider<ReleaseRegistryListener> registry, EventPublisher publisher) {
    super(publisher);
    this.registry = registry;
  }

  @PostMapping(path = PATH + "/rebuild-release-registry", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> rebuild(@RequestParam(name = "dry-run", required = false) String dryRunFlag,
      HttpServletRequest http) {
    ReleaseRegistryListener writer = registry.getIfAvailable();
    if (writer == null) {
      throw new CommandRefusedException("the release registry table is disabled "
          + "(deltapromotion.promoter.release-registry.enabled=false)", false);
    }
    String actor = BearerTokenInterceptor.principal(http);
    String plan = "re-read " + EventTopics.PROMOTION_DONE.name() + " from its beginning into " + writer.table()
        + "; rows already there are kept, missing ones written again";
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("action", "REBUILD_RELEASE_REGISTRY");
    body.put("table", writer.table().toString());
    body.put("actor", actor);
    if (dryRun(dryRunFlag)) {
      body.put("dryRun", true);
      body.put("plan", "would " + plan);
      return ResponseEntity.ok(body);
    }
    List<TopicPartition> partitions = writer.rebuild();
    if (partitions.isEmpty()) {
      throw new CommandRefusedException("the release registry's writer has no partitions assigned yet; retry shortly", false);
    }
    log.info("{} asked to {}", actor, plan);
    body.put("plan", plan);
    body.put("partitions", partitions.size());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
  }
}
