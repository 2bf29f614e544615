package io.deltapromotion.stack;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Backs {@link RequiresLocalStack}: one stack per test JVM, shared by all test classes that need it. */
public final class LocalStackExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);

  /** The settings tests use to reach the stack (default ports unless overridden, see StackSettings). */
  public static StackSettings settings() {
    Path repository = StackSettings.findRepository(Path.of(""));
    return StackSettings.resolve(repository, Path.of("target", "local-stack"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Component[] required = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RequiresLocalStack.class)
        .map(RequiresLocalStack::value)
        .orElseThrow(() -> new IllegalStateException("@RequiresLocalStack is missing on " + context.getRequiredTestClass()));
    context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(TestStack.class, type -> new TestStack(settings()), TestStack.class)
        .ensure(EnumSet.copyOf(List.of(required)));
  }

  /**
   * The servers this test JVM started; closed (stopped) when the test run ends. The broker is a process,
   * or a container when {@link KafkaRuntime} says so (the docker profile).
   */
  static final class TestStack implements AutoCloseable {
    private final LocalStack stack;
    private final KafkaRuntime kafkaRuntime;
    private final Set<Component> started = EnumSet.noneOf(Component.class);
    private AutoCloseable kafkaContainer;

    TestStack(StackSettings settings) {
      this.stack = new LocalStack(settings, System.out);
      this.kafkaRuntime = KafkaRuntime.resolve();
    }

    synchronized void ensure(Set<Component> components) {
      EnumSet<Component> processes = EnumSet.copyOf(components);
      if (kafkaRuntime.inDocker() && processes.remove(Component.KAFKA) && kafkaContainer == null) {
        kafkaContainer = startKafkaContainer();
      }
      for (Component component : processes) {
        if (!started.contains(component) && !ComponentDefinition.of(component).answers(stack.settings())
            && ProcessRecord.read(stack.settings().componentDirectory(component)).flatMap(ProcessRecord::liveProcess).isEmpty()) {
          stack.wipe(component);
        }
      }
      if (!processes.isEmpty()) {
        started.addAll(stack.up(processes, ProcessHandle.current().pid(), LocalStackCli.START_TIMEOUT));
      }
    }

    private AutoCloseable startKafkaContainer() {
      try {
        Class.forName("org.testcontainers.kafka.KafkaContainer");
      } catch (ClassNotFoundException e) {
        throw new StackException("stack.kafka.runtime=docker needs Testcontainers on the test classpath: run the build "
            + "with -Pdocker, which brings it");
      }
      DockerKafka kafka = new DockerKafka(stack.settings(), kafkaRuntime, System.out);
      kafka.start(LocalStackCli.START_TIMEOUT);
      return kafka;
    }

    @Override
    public synchronized void close() throws Exception {
      if (!started.isEmpty()) {
        stack.down(started);
        started.clear();
      }
      if (kafkaContainer != null) {
        kafkaContainer.close();
        kafkaContainer = null;
      }
    }
  }
}
