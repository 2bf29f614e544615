package io.deltapromotion.schemas.topics;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The broker ACLs that the topic declarations imply, and nothing else (the broker denies what no ACL
 * allows):
 * <ul>
 *   <li>each writer of a topic may write it, each reader read it (both imply describing it);</li>
 *   <li>services may create the topics they write or read (each declares them at start-up, so that it can
 *       start before the others);</li>
 *   <li>each service may use the consumer groups and transactional ids named after it, and no other's:
 *       another principal can neither commit a service's offsets nor fence its transactions.</li>
 * </ul>
 * Operations on the cluster itself (ACLs, users, deleting topics) are left to the broker's super users.
 */
public final class KafkaAcls {

  private KafkaAcls() {}

  /** Every ACL of every principal of the system. */
  public static Set<AclBinding> declared() {
    Set<AclBinding> acls = new HashSet<>();
    EventTopics.all().forEach(topic -> addTopic(acls, topic.name(), topic.access()));
    EventTopics.deadLetters().forEach(topic -> addTopic(acls, topic.name(), topic.access()));
    EventTopics.jsonTopics().forEach(topic -> addTopic(acls, topic.name(), topic.access()));
    Stream.of(Principal.values()).filter(Principal::isService).forEach(service -> {
      acls.add(allow(service, AclOperation.READ, new ResourcePattern(ResourceType.GROUP, service.id(), PatternType.PREFIXED)));
      acls.add(allow(service, AclOperation.WRITE,
          new ResourcePattern(ResourceType.TRANSACTIONAL_ID, service.id(), PatternType.PREFIXED)));
    });
    return Set.copyOf(acls);
  }

  /** The Kafka principal name of one of ours ({@code User:<id>}). */
  public static String kafkaPrincipal(Principal principal) {
    return "User:" + principal.id();
  }

  private static void addTopic(Set<AclBinding> acls, String topic, TopicAccess access) {
    ResourcePattern pattern = new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL);
    access.writers().forEach(writer -> acls.add(allow(writer, AclOperation.WRITE, pattern)));
    access.readers().forEach(reader -> acls.add(allow(reader, AclOperation.READ, pattern)));
    Stream.concat(access.writers().stream(), access.readers().stream()).filter(Principal::isService)
        .forEach(service -> acls.add(allow(service, AclOperation.CREATE, pattern)));
  }

  private static AclBinding allow(Principal principal, AclOperation operation, ResourcePattern pattern) {
    return new AclBinding(pattern, new AccessControlEntry(kafkaPrincipal(principal), "*", operation, AclPermissionType.ALLOW));
  }
}
