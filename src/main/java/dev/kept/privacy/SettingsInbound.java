package dev.kept.privacy;

import dev.kept.chat.Form;
import dev.kept.chat.FormSubmission;
import dev.kept.chat.Guard;
import dev.kept.chat.Interactions;
import dev.kept.chat.Markup;
import dev.kept.chat.Message;
import dev.kept.chat.Outcome;
import dev.kept.chat.Person;
import dev.kept.chat.PersonalSettings;
import dev.kept.chat.Refusal;
import dev.kept.chat.SettingsStore;
import dev.kept.nudge.NudgeProperties;
import dev.kept.promise.CommandVerb;
import dev.kept.promise.Invocation;
import dev.kept.promise.PromiseService;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /promise settings}: a form for a person's own working day, time zone, daily number of nudges
 * and whether Kept asks them for feedback. Everything is checked here, for every platform, and named
 * in friendly words under the field while the form is still open. In a DM (no forms) it shows the
 * current settings. Saved through {@link SettingsStore}; the nudge planner and dispatcher read them.
 */
@Component
class SettingsInbound implements CommandVerb, Interactions {

    static final int MAX_ZONE_LENGTH = 64;
    static final int MAX_CAP_LENGTH = 3;
    static final int MIN_CAP = 1;
    static final int MAX_CAP = 20;
    /** The value of "Kept's default" in the start and end choices. */
    static final String DEFAULT = "default";
    /** The value of the feedback checkbox. */
    static final String FEEDBACK_ON = "on";

    private final SettingsStore settings;
    private final PromiseService promises;
    private final NudgeProperties nudges;

    SettingsInbound(SettingsStore settings, PromiseService promises, NudgeProperties nudges) {
        this.settings = settings;
        this.promises = promises;
        this.nudges = nudges;
    }

    // ---------------------------------------------------------------- the command

    @Override
    public Set<String> verbs() {
        return Set.of("settings");
    }

    @Override
    public List<Markup> help() {
        return List.of(Markup.builder().code("/promise settings")
                .plain(": your working hours, time zone, how many nudges a day, and whether I ask you for feedback")
                .build());
    }

    @Override
    public Outcome run(Invocation in, String args) {
        Person person = in.invoker();
        PersonalSettings current = settings.of(person);
        if (in.formsAvailable()) {
            return new Outcome.OpenForm(form(current),
                    summary(person, current, Markup.builder().plain("To change them, use ").code("/promise settings")
                            .plain(" again.").build()));
        }
        return Outcome.reply(summary(person, current, Markup.builder().plain("To change them, use ")
                .code("/promise settings").plain(": it opens a form.").build()));
    }

    Form form(PersonalSettings current) {
        List<Form.Input> inputs = new ArrayList<>();
        inputs.add(new Form.Intro("intro", Markup.plain("These are yours alone: I use them for every reminder and "
                + "question I send you. Anything left empty (or on Kept's default) follows Kept's defaults.")));
        inputs.add(new Form.TextInput(PrivacyIds.INPUT_ZONE, "Your time zone", current.zone(),
                "e.g. Europe/Berlin; empty: your profile's time zone", false, true, MAX_ZONE_LENGTH));
        inputs.add(timeChoice(PrivacyIds.INPUT_WORK_START, "Your working day starts at", current.workStart(),
                defaultStart()));
        inputs.add(timeChoice(PrivacyIds.INPUT_WORK_END, "…and ends at", current.workEnd(), defaultEnd()));
        inputs.add(new Form.TextInput(PrivacyIds.INPUT_DAILY_CAP, "At most this many nudges a day",
                current.dailyCap() > 0 ? Integer.toString(current.dailyCap()) : "",
                MIN_CAP + " to " + MAX_CAP + "; empty: Kept's default (" + nudges.dailyCap() + ")", false, true,
                MAX_CAP_LENGTH));
        inputs.add(new Form.ChoiceInput(PrivacyIds.INPUT_FEEDBACK, "Feedback",
                List.of(new Form.Choice(FEEDBACK_ON, "Ask me for feedback (after a rating, and when a promise slips)")),
                current.feedbackPrompts() ? List.of(FEEDBACK_ON) : List.of(), true, true));
        return new Form(PrivacyIds.SETTINGS_FORM, "Your Kept settings", "Save", "", inputs);
    }

    /** Kept's default, then every half hour of the day (and the saved time, should it be another). */
    private static Form.ChoiceInput timeChoice(String id, String label, LocalTime saved, LocalTime fallback) {
        TreeSet<LocalTime> times = new TreeSet<>();
        for (int minutes = 0; minutes < 24 * 60; minutes += 30) {
            times.add(LocalTime.of(minutes / 60, minutes % 60));
        }
        if (saved != null) {
            times.add(saved);
        }
        List<Form.Choice> options = new ArrayList<>();
        options.add(new Form.Choice(DEFAULT, "Kept's default (" + fallback + ")"));
        times.forEach(t -> options.add(new Form.Choice(t.toString(), t.toString())));
        return new Form.ChoiceInput(id, label, options, List.of(saved == null ? DEFAULT : saved.toString()), false, false);
    }

    // ---------------------------------------------------------------- the form

    @Override
    public Set<String> actionIds() {
        return Set.of();
    }

    @Override
    public Set<String> formIds() {
        return Set.of(PrivacyIds.SETTINGS_FORM);
    }

    @Override
    public Outcome action(Person actor, String actionId, String value) {
        return Outcome.reply(Message.of(Markup.builder().plain("That button isn't one I know any more. Try ")
                .code("/promise settings").plain(".").build()));
    }

    @Override
    public Map<String, String> check(Person actor, FormSubmission form) {
        return read(form).problems();
    }

    @Override
    public Outcome submit(Person actor, FormSubmission form) {
        return Guard.answer(() -> {
            Read read = read(form);
            if (!read.problems().isEmpty()) {
                throw new Refusal("Your settings weren't saved: " + String.join(" ", read.problems().values()));
            }
            settings.save(actor, read.settings());
            return Outcome.reply(summary(actor, read.settings(), Markup.plain("Saved. They count from your next reminder on.")));
        });
    }

    /** What the form says, or what is wrong with it, by input id. */
    record Read(PersonalSettings settings, Map<String, String> problems) {
    }

    Read read(FormSubmission form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String zone = "";
        Optional<String> zoneText = form.text(PrivacyIds.INPUT_ZONE);
        if (zoneText.isPresent()) {
            String typed = zoneText.get();
            if (typed.length() > MAX_ZONE_LENGTH) {
                problems.put(PrivacyIds.INPUT_ZONE, String.format(Locale.ROOT,
                        "A time zone name is at most %d characters; this one has %,d.", MAX_ZONE_LENGTH, typed.length()));
            } else {
                Optional<ZoneId> known = zone(typed);
                if (known.isPresent()) {
                    zone = known.get().getId();
                } else {
                    problems.put(PrivacyIds.INPUT_ZONE, "I don't know the time zone \u201c" + typed + "\u201d. Write one "
                            + "like Europe/Berlin or America/New_York, or leave it empty to use your profile's time zone.");
                }
            }
        }
        LocalTime start = time(form, PrivacyIds.INPUT_WORK_START, problems);
        LocalTime end = time(form, PrivacyIds.INPUT_WORK_END, problems);
        LocalTime effectiveStart = start == null ? defaultStart() : start;
        LocalTime effectiveEnd = end == null ? defaultEnd() : end;
        if (!problems.containsKey(PrivacyIds.INPUT_WORK_START) && !problems.containsKey(PrivacyIds.INPUT_WORK_END)
                && !effectiveStart.isBefore(effectiveEnd)) {
            problems.put(PrivacyIds.INPUT_WORK_END, "Your working day has to end after it starts: this would be "
                    + effectiveStart + " to " + effectiveEnd + ".");
        }
        int cap = 0;
        Optional<String> capText = form.text(PrivacyIds.INPUT_DAILY_CAP);
        if (capText.isPresent()) {
            String typed = capText.get();
            String range = "a whole number from " + MIN_CAP + " to " + MAX_CAP;
            if (typed.length() > MAX_CAP_LENGTH) {
                problems.put(PrivacyIds.INPUT_DAILY_CAP, String.format(Locale.ROOT,
                        "That's %,d characters; write %s (at most %d characters).", typed.length(), range, MAX_CAP_LENGTH));
            } else if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) < MIN_CAP || Integer.parseInt(typed) > MAX_CAP) {
                problems.put(PrivacyIds.INPUT_DAILY_CAP, "Write " + range + ", or leave it empty for Kept's default ("
                        + nudges.dailyCap() + ").");
            } else {
                cap = Integer.parseInt(typed);
            }
        }
        boolean feedback = form.choices(PrivacyIds.INPUT_FEEDBACK).contains(FEEDBACK_ON);
        return new Read(new PersonalSettings(zone, start, end, cap, feedback), problems);
    }

    /** A zone by its id, forgiving case and spaces ("europe/berlin", "America/New York"). */
    static Optional<ZoneId> zone(String typed) {
        String candidate = typed.strip().replace(' ', '_');
        try {
            return Optional.of(ZoneId.of(candidate));
        } catch (DateTimeException e) {
            for (String id : ZoneId.getAvailableZoneIds()) {
                if (id.equalsIgnoreCase(candidate)) {
                    return Optional.of(ZoneId.of(id));
                }
            }
            return Optional.empty();
        }
    }

    /** The chosen time, or null for Kept's default (or when nothing came back). */
    private static LocalTime time(FormSubmission form, String inputId, Map<String, String> problems) {
        Optional<String> chosen = form.choice(inputId);
        if (chosen.isEmpty() || chosen.get().equals(DEFAULT)) {
            return null;
        }
        try {
            return LocalTime.parse(chosen.get());
        } catch (DateTimeParseException e) {
            problems.put(inputId, "Pick a time from the list.");
            return null;
        }
    }

    private LocalTime defaultStart() {
        return nudges.workingHours().start();
    }

    private LocalTime defaultEnd() {
        return nudges.workingHours().end();
    }

    // ---------------------------------------------------------------- what they are

    Message summary(Person person, PersonalSettings s, Markup footer) {
        Markup title = Markup.builder().bold("Your settings").build();
        String zone = s.zoneOverride().map(z -> z.getId() + " (your own setting)")
                .orElseGet(() -> name(promises.zoneOf(person)) + " (from your profile)");
        LocalTime start = s.workStart() == null ? defaultStart() : s.workStart();
        LocalTime end = s.workEnd() == null ? defaultEnd() : s.workEnd();
        boolean defaultDay = s.workStart() == null && s.workEnd() == null;
        String day = start + "\u2013" + end + (defaultDay ? " (Kept's default)" : "")
                + (nudges.workingHours().enabled() ? "" : " (working hours are switched off on this Kept)");
        String cap = "at most " + (s.dailyCap() > 0 ? s.dailyCap() : nudges.dailyCap() + " (Kept's default)");
        String feedback = s.feedbackPrompts() ? "yes, I may ask you" : "no, I won't ask you";
        return Message.builder(title).text(title)
                .fields(List.of(new Message.Field("Time zone", Markup.plain(zone)),
                        new Message.Field("Working day", Markup.plain(day)),
                        new Message.Field("Nudges a day", Markup.plain(cap)),
                        new Message.Field("Feedback questions", Markup.plain(feedback))))
                .note(footer)
                .build();
    }

    private static String name(ZoneId zone) {
        return zone instanceof ZoneOffset ? "UTC" + zone.getId().replace("Z", "") : zone.getId();
    }
}
