package dev.callcenter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.callcenter.core.event.Event;
import dev.callcenter.core.event.EventListener;
import dev.callcenter.core.event.EventPublisher;
import dev.callcenter.core.event.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** The kit is worth something only if it fails for broken publishers: run it against a few. */
class EventPublisherCompatibilityKitSelfTest {

  private static List<String> failedTests(Class<?> kitSubclass) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(kitSubclass)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getTestsFoundCount()).as("tests in the kit").isGreaterThanOrEqualTo(8);
    return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName()).sorted().toList();
  }

  @Test
  void passesForTheInProcessPublisher() {
    assertThat(failedTests(InProcess.class)).isEmpty();
  }

  @Test
  void catchesAPublisherWhoseCloseDoesNothing() {
    assertThat(failedTests(CloseIgnored.class)).contains(
        "close stops delivery to that subscription only; closing twice is harmless");
  }

  @Test
  void catchesAPublisherThatLetsAThrowingSubscriberStopDelivery() {
    assertThat(failedTests(Unfenced.class)).contains(
        "a subscriber that throws neither breaks publish nor delivery to others");
  }

  @Test
  void catchesAPublisherThatDeliversOnlyToTheFirstSubscriber() {
    assertThat(failedTests(FirstSubscriberOnly.class)).contains("every subscriber gets every event");
  }

  @Test
  void catchesAPublisherThatDeliversTwice() {
    assertThat(failedTests(Twice.class)).contains("a subscriber gets every event once, in sequence order");
  }

  @Test
  void catchesAPublisherThatDeliversNothing() {
    // awaitCount gives up after the delivery timeout, set short here
    assertThat(failedTests(Noop.class)).contains("a subscriber gets every event once, in sequence order",
        "every subscriber gets every event");
  }

  // ---- kit subclasses run by the launcher above, not by the build (surefire skips nested classes) ----

  static class InProcess extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return EventPublisher.inProcess();
    }
  }

  static class Noop extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return EventPublisher.noop();
    }

    @Override
    protected java.time.Duration deliveryTimeout() {
      return java.time.Duration.ofMillis(50);
    }
  }

  /** A hand-written publisher with one defect chosen by the subclass. */
  abstract static class Broken implements EventPublisher {
    final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Event event) {
      for (EventListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          // fenced
        }
      }
    }

    @Override
    public Subscription subscribe(EventListener listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }
  }

  static class CloseIgnored extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return new Broken() {
        @Override
        public Subscription subscribe(EventListener listener) {
          listeners.add(listener);
          return () -> { };
        }
      };
    }
  }

  static class Unfenced extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return new Broken() {
        @Override
        public void publish(Event event) {
          listeners.forEach(l -> l.onEvent(event));
        }
      };
    }
  }

  static class FirstSubscriberOnly extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return new Broken() {
        @Override
        public void publish(Event event) {
          if (!listeners.isEmpty()) {
            listeners.get(0).onEvent(event);
          }
        }
      };
    }

    @Override
    protected java.time.Duration deliveryTimeout() {
      return java.time.Duration.ofMillis(50);
    }
  }

  static class Twice extends EventPublisherCompatibilityKit {
    @Override
    protected EventPublisher createPublisher() {
      return new Broken() {
        @Override
        public void publish(Event event) {
          super.publish(event);
          super.publish(event);
        }
      };
    }
  }
}
