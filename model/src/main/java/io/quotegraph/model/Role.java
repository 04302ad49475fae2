package io.quotegraph.model;

/** A role stated in the text, e.g. title "spokesman", organization "U.S. Department of State" (either may be null). */
public record Role(String title, String organization) {
}
