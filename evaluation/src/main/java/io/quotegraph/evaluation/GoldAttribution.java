package io.quotegraph.evaluation;

import java.util.List;

/**
 * One human-annotated attribution of the gold file.
 *
 * @param content       the outer content span (including any interrupting "he said")
 * @param contentPieces the exact pieces of the content, the ones that are scored
 * @param speakerPieces empty when the annotation has no source
 * @param speechCue     whether the cue is a verb of saying or a colon (the speech view scores recall on these only)
 */
public record GoldAttribution(String kind, Interval content, List<Interval> contentPieces, String speaker,
                              List<Interval> speakerPieces, List<Interval> cuePieces, boolean speechCue) {
}
