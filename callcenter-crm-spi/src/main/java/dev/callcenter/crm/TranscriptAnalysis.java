package dev.callcenter.crm;

import java.util.List;

/**
 * What a transcript says in brief.
 *
 * @param overallSentiment -1..1, see {@link Transcript#overallSentiment()}
 * @param summary the most representative sentences, in the order they were said
 * @param keywords the most frequent content words (normalised, stop words left out), most frequent first
 */
public record TranscriptAnalysis(double overallSentiment, List<String> summary, List<String> keywords) {
  public TranscriptAnalysis {
    summary = List.copyOf(summary);
    keywords = List.copyOf(keywords);
  }
}
