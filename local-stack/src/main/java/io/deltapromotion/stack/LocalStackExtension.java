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

  /** The servers this test JVM started; closed (stopped) when the test run ends. */
  static final class TestStack implements AutoCloseable {
    private final LocalStack stack;
    private final Set<Component> started = EnumSet.noneOf(Component.class);

    TestStack(StackSettings settings) {
      this.stack = new LocalStack(settings, System.out);
    }

    synchronized void ensure(Set<Component> components) {
      for (Component component : components) {
        if (!started.contains(component) && !ComponentDefinition.of(component).answers(stack.settings())
            && ProcessRecord.read(stack.settings().componentDirectory(component)).flatMap(ProcessRecord::liveProcess).isEmpty()) {
          stack.wipe(component);
        }
      }
      started.addAll(stack.up(components, ProcessHandle.current().pid(), LocalStackCli.START_TIMEOUT));
    }

    @Override
    public synchronized void close() {
      if (!started.isEmpty()) {
        stack.down(started);
        started.clear();
      }
    }
  }
}
