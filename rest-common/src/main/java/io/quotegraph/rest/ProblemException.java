package io.quotegraph.rest;

/** Thrown by services to answer with a problem; the message is the problem's detail, shown to the client. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;

    public ProblemException(ProblemType type, String detail) {
        super(detail);
        this.type = type;
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage());
    }
}
