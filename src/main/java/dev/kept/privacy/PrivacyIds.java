package dev.kept.privacy;

/** The ids of everything a person can click or submit about their own data and settings, in one place. */
public final class PrivacyIds {

    /** "Forget me", the confirmation; value is {@code <user id>:<epoch seconds asked>}. */
    public static final String FORGET_ME_CONFIRM = "privacy.forget_me.confirm";
    /** "Keep my data": nothing happens. */
    public static final String FORGET_ME_CANCEL = "privacy.forget_me.cancel";

    /** Form: a person's own settings. */
    public static final String SETTINGS_FORM = "privacy.settings";

    /** Inputs of the settings form. */
    public static final String INPUT_ZONE = "settings_zone";
    public static final String INPUT_WORK_START = "settings_work_start";
    public static final String INPUT_WORK_END = "settings_work_end";
    public static final String INPUT_DAILY_CAP = "settings_daily_cap";
    public static final String INPUT_FEEDBACK = "settings_feedback";

    private PrivacyIds() {
    }
}
