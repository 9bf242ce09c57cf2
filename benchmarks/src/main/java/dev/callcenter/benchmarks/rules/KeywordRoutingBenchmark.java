package dev.callcenter.benchmarks.rules;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.callcenter.rules.Classification;
import dev.callcenter.rules.KeywordRouter;
import dev.callcenter.rules.TextNormalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routes a 20-word Arabic, English or mixed utterance against a 500 or 5,000 keyword dictionary. Every
 * implementation produces the best department from weighted keyword hits:
 * <ul>
 *   <li>{@code router}: {@link KeywordRouter}, normalisation fused into the scan, with suffix/prefix folding,
 *       phrases and negation; returns the full {@link Classification};
 *   <li>{@code hashmap}: normalise the text, split on spaces, look up each word and each word pair in a
 *       {@code HashMap};
 *   <li>{@code ahocorasick}: normalise, then {@code org.ahocorasick} (whole words, emit handler);
 *   <li>{@code hankcs}: normalise, then the {@code com.hankcs} double-array Aho-Corasick trie, checking word
 *       boundaries in the hit callback.
 * </ul>
 * The baselines get the same normalisation as a separate pass (what a user would write) but no suffix
 * folding, no Arabic prefix folding and no negation, so they do less work than the router.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KeywordRoutingBenchmark {
  @Param({"router", "hashmap", "ahocorasick", "hankcs"})
  public String impl;

  @Param({"500", "5000"})
  public int keywords;

  @Param({"arabic", "english", "mixed"})
  public String utterance;

  private String text;
  private KeywordRouter router;
  private Map<String, RoutingCorpus.Entry> byNormalised;
  private Trie trie;
  private AhoCorasickDoubleArrayTrie<RoutingCorpus.Entry> hankcs;
  private final double[] scores = new double[3];
  private Map<dev.callcenter.core.Department, Integer> index;

  @Setup
  public void setUp() {
    text = RoutingCorpus.utterance(utterance);
    Map<String, RoutingCorpus.Entry> entries = RoutingCorpus.keywords(keywords);
    router = KeywordRouter.load(RoutingCorpus.dictionaryJson(entries));
    byNormalised = new HashMap<>();
    entries.forEach((k, e) -> byNormalised.put(TextNormalizer.normalize(k), e));
    List<String> normalised = new ArrayList<>(byNormalised.keySet());
    trie = Trie.builder().onlyWholeWords().addKeywords(normalised).build();
    hankcs = new AhoCorasickDoubleArrayTrie<>();
    hankcs.build(new TreeMap<>(byNormalised));
    index = Map.of(dev.callcenter.core.Department.RECEPTION, 0, dev.callcenter.core.Department.SALES, 1,
        dev.callcenter.core.Department.COMPLAINTS, 2);
    Object result = route();
    if (router.classify(text).matches().isEmpty() || (result instanceof Integer i && i < 0)) {
      throw new IllegalStateException("the utterance should match some keywords");
    }
  }

  @Benchmark
  public Object route() {
    switch (impl) {
      case "router":
        return router.classify(text);
      case "hashmap":
        return hashMap();
      case "ahocorasick":
        return ahoCorasick();
      case "hankcs":
        return hankcs();
      default:
        throw new IllegalStateException(impl);
    }
  }

  private int best() {
    int best = -1;
    double bestScore = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > bestScore) {
        bestScore = scores[i];
        best = i;
      }
    }
    java.util.Arrays.fill(scores, 0);
    return best;
  }

  private void add(RoutingCorpus.Entry e) {
    scores[index.get(e.department())] += e.weight();
  }

  private int hashMap() {
    String normalised = TextNormalizer.normalize(text).replace(",", "");
    String[] words = normalised.split(" ");
    for (int i = 0; i < words.length; i++) {
      RoutingCorpus.Entry e = byNormalised.get(words[i]);
      if (e != null) {
        add(e);
      }
      if (i + 1 < words.length) {
        RoutingCorpus.Entry pair = byNormalised.get(words[i] + " " + words[i + 1]);
        if (pair != null) {
          add(pair);
        }
      }
    }
    return best();
  }

  private int ahoCorasick() {
    String normalised = TextNormalizer.normalize(text);
    trie.parseText(normalised, emit -> {
      add(byNormalised.get(emit.getKeyword()));
      return true;
    });
    return best();
  }

  private int hankcs() {
    String normalised = TextNormalizer.normalize(text);
    int n = normalised.length();
    hankcs.parseText(normalised, (begin, end, value) -> {
      boolean left = begin == 0 || !Character.isLetterOrDigit(normalised.charAt(begin - 1));
      boolean right = end == n || !Character.isLetterOrDigit(normalised.charAt(end));
      if (left && right) {
        add(value);
      }
    });
    return best();
  }
}
