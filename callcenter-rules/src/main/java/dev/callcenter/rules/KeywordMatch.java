package dev.callcenter.rules;

import dev.callcenter.core.Department;
import dev.callcenter.core.Language;

/**
 * One dictionary term found in an utterance.
 *
 * @param term the term as written in the dictionary
 * @param department the department the term votes for
 * @param language the dictionary section the term came from
 * @param weight what the term adds to its department's score when not negated
 * @param start index of the first character of the match in the original text
 * @param end index after the last character of the match in the original text
 * @param negated whether a negation ("not", "ليست" ...) precedes the match; a negated match does not count
 */
public record KeywordMatch(String term, Department department, Language language, double weight, int start,
    int end, boolean negated) {}
