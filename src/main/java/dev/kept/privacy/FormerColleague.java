package dev.kept.privacy;

/**
 * Who stands in a shared promise for a person who asked Kept to forget them. The id is lower case
 * with a hyphen, which no chat platform's user id is (Slack's are upper-case letters and digits),
 * so it can never be mistaken for a real person; adapters show it as {@link #WORDS}, never as a mention.
 */
public final class FormerColleague {

    /** The anonymous marker stored in place of a forgotten person's id. */
    public static final String ID = "former-colleague";

    /** How the marker is shown to people. */
    public static final String WORDS = "a former colleague";

    private FormerColleague() {
    }

    public static boolean is(String userId) {
        return ID.equals(userId);
    }
}
