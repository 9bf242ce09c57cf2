package dev.callcenter.ivr.internal;

import dev.callcenter.core.Language;
import dev.callcenter.ivr.Classification;
import dev.callcenter.ivr.IntentClassifier;
import dev.callcenter.rules.KeywordRouter;
import java.util.List;

/** The rules module's {@link KeywordRouter} behind the IVR's {@link IntentClassifier} seam. */
public final class RouterClassifier implements IntentClassifier {
  private final KeywordRouter router;

  public RouterClassifier(KeywordRouter router) {
    this.router = router;
  }

  @Override
  public Classification classify(String text, Language language) {
    // every language's terms count: callers mix Arabic and English words in one sentence
    dev.callcenter.rules.Classification c = router.classify(text);
    if (!c.matched()) {
      return Classification.NONE;
    }
    return new Classification(c.department(), Math.max(0, Math.min(1, c.confidence())),
        List.copyOf(c.matchedTerms()));
  }
}
