package kz.shlyuz.gateway.services;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import kz.shlyuz.gateway.calendar.Term;

/**
 * Everything about one public service, in one place: its fixed id, the type of its request body,
 * whether it is answered synchronously ({@code Call}) or runs as a process ({@code Submit}), which
 * senders may use it by default, who must sign it, the service's own intake rules, and either the
 * agency call that answers it (synchronous) or its process (asynchronous: stages, steps, terms,
 * optional steps, objection rules and the texts people read). Built with {@link #builder}.
 *
 * @param service the fixed id
 * @param bodyType the request body's message type
 * @param synchronous true for {@code Call}, false for {@code Submit}
 * @param titleKk / titleRu the service's name for people
 * @param senders the sending systems the shipped configuration lets use it
 * @param applicants who must sign a request, from its body
 * @param route for a synchronous service, the agency call that answers it; null otherwise
 * @param followUps the messages about an existing case the service also accepts, each with who
 *     must sign it (001: the objection to a preliminary refusal, the consulate's report that the
 *     draft refusal was delivered); empty for none
 * @param intake the service's own intake rule, checked on {@code Submit} after admission
 * @param process for an asynchronous service, its process; null otherwise
 */
public record ServiceDefinition(
        Service service,
        Class<? extends Message> bodyType,
        boolean synchronous,
        String titleKk,
        String titleRu,
        Set<Sender> senders,
        Function<Message, Applicants> applicants,
        Function<Message, AgencyCall> route,
        Map<Class<? extends Message>, Function<Message, Applicants>> followUps,
        IntakeRule intake,
        ProcessDefinition process) {

    public ServiceDefinition {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(bodyType, "bodyType");
        Objects.requireNonNull(titleKk, "titleKk");
        Objects.requireNonNull(titleRu, "titleRu");
        senders = senders.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(senders));
        Objects.requireNonNull(applicants, "applicants");
        Objects.requireNonNull(intake, "intake");
        if (synchronous != (route != null) || synchronous == (process != null)) {
            throw new IllegalArgumentException(service + ": synchronous " + synchronous + ", route "
                    + (route != null) + ", process " + (process != null)
                    + " (expected: a synchronous service has a route, an asynchronous one a process)");
        }
        followUps = Collections.unmodifiableMap(new LinkedHashMap<>(followUps));
    }

    /** The fixed id, e.g. {@code ADDRESS_CERTIFICATE}. */
    public String id() {
        return service.id();
    }

    /** True when {@code body} is one of this service's follow-up messages rather than a new request. */
    public boolean isFollowUp(Message body) {
        return followUps.containsKey(body.getClass());
    }

    /** The first follow-up message type the service accepts (001: the objection), or null for none. */
    public Class<? extends Message> followUpType() {
        return followUps.isEmpty() ? null : followUps.keySet().iterator().next();
    }

    /** Every follow-up message type the service accepts, in the order the definition lists them. */
    public Set<Class<? extends Message>> followUpTypes() {
        return followUps.keySet();
    }

    public Applicants applicantsOf(Message body) {
        return isFollowUp(body) ? followUps.get(body.getClass()).apply(body) : applicants.apply(body);
    }

    /** The agency call that answers a synchronous service; empty for asynchronous ones. */
    public Optional<AgencyCall> routeOf(Message body) {
        return route == null ? Optional.empty() : Optional.of(route.apply(body));
    }

    /** True when the shipped configuration lets {@code sender} use this service. */
    public boolean allowsByDefault(String sender) {
        return Sender.named(sender).map(senders::contains).orElse(false);
    }

    /** Starts the definition of {@code service} whose requests carry a {@code bodyType}. */
    public static <T extends Message> Builder<T> builder(Service service, Class<T> bodyType) {
        return new Builder<>(service, bodyType);
    }

    /**
     * Builds a {@link ServiceDefinition} in the order a regulation reads: the service, its
     * channels, who signs, then either its answer or its process.
     *
     * @param <T> the request body's type, so that the rules read the body's own fields
     */
    public static final class Builder<T extends Message> {
        private final Service service;
        private final Class<T> bodyType;
        private String titleKk;
        private String titleRu;
        private final Set<Sender> senders = EnumSet.noneOf(Sender.class);
        private Function<Message, Applicants> applicants;
        private Function<Message, AgencyCall> route;
        private final Map<Class<? extends Message>, Function<Message, Applicants>> followUps = new LinkedHashMap<>();
        private IntakeRule intake = IntakeRule.NONE;
        private Function<Message, List<Stage>> stages;
        private final List<Stage> fixedStages = new ArrayList<>();
        private Function<Message, Term> caseTerm;
        private Function<Message, List<String>> parties;
        private boolean preliminaryRefusal;
        private Term objectionWindow;
        private SecondParty secondParty;
        private Function<String, Wording> handOut;
        private boolean dueAfterStages;
        private HearingRules hearing;
        private CitizenGuidance guidance;
        private ApprovalRule approval;

        private Builder(Service service, Class<T> bodyType) {
            this.service = Objects.requireNonNull(service, "service");
            this.bodyType = Objects.requireNonNull(bodyType, "bodyType");
        }

        /** The service's name for people, in Kazakh and Russian. */
        public Builder<T> title(String kk, String ru) {
            this.titleKk = kk;
            this.titleRu = ru;
            return this;
        }

        /** The sending systems the shipped configuration lets use the service. */
        public Builder<T> senders(Sender... channels) {
            senders.addAll(List.of(channels));
            return this;
        }

        /** Who must sign a request: each listed individual, or an employee of the listed entity. */
        public Builder<T> applicants(Function<T, Applicants> rule) {
            this.applicants = typed(bodyType, rule);
            return this;
        }

        /**
         * A follow-up message about an existing case the service also accepts, and who must sign
         * it (001: the applicant's objection to a preliminary refusal).
         */
        public <F extends Message> Builder<T> followUp(Class<F> type, Function<F, Applicants> signers) {
            followUps.put(Objects.requireNonNull(type, "type"), typed(type, signers));
            return this;
        }

        /** The service's own intake rule, checked on {@code Submit} once the request is admitted. */
        public Builder<T> intake(IntakeRule rule) {
            this.intake = Objects.requireNonNull(rule, "intake");
            return this;
        }

        /** Synchronous: the agency call that answers a request. */
        public Builder<T> answeredBy(Function<T, AgencyCall> call) {
            this.route = typed(bodyType, call);
            return this;
        }

        /** Asynchronous: the term of the whole service, from the request. */
        public Builder<T> caseTerm(Function<T, Term> term) {
            this.caseTerm = typed(bodyType, term);
            return this;
        }

        /** Asynchronous: the applicant's IIN and a second person's (dwelling owner, employer), if any. */
        public Builder<T> parties(Function<T, List<String>> rule) {
            this.parties = typed(bodyType, rule);
            return this;
        }

        /** Asynchronous: the next stage; stages run one after the other, a stage's steps in parallel. */
        public Builder<T> stage(StepSpec... steps) {
            fixedStages.add(Stage.of(steps));
            return this;
        }

        /** Asynchronous: stages that depend on the request (ID documents: the terms follow urgency). */
        public Builder<T> stages(Function<T, List<Stage>> rule) {
            this.stages = typed(bodyType, rule);
            return this;
        }

        /**
         * Asynchronous: grounds first give a preliminary refusal with a hearing, and the applicant
         * may object within {@code window} (001); without this they give the reasoned refusal at once.
         */
        public Builder<T> preliminaryRefusal(Term window) {
            this.preliminaryRefusal = true;
            this.objectionWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Asynchronous: how the second person's cabinet presents the case to them (issue 11.3). */
        public Builder<T> secondParty(SecondParty party) {
            this.secondParty = Objects.requireNonNull(party, "party");
            return this;
        }

        /** Asynchronous: where the applicant collects the result, by the sending system. */
        public Builder<T> handOut(Function<String, Wording> bySender) {
            this.handOut = Objects.requireNonNull(bySender, "handOut");
            return this;
        }

        /** Asynchronous: never due before its stages' terms one after another (004 annex 1: the sum of the hops). */
        public Builder<T> dueAfterStages() {
            this.dueAfterStages = true;
            return this;
        }

        /**
         * Asynchronous: the right to be heard (001 §11) — the draft refusal's delivery term, how
         * long before the service's term ends the hearing notice must go out, and the step in
         * which internal affairs decides again on an objection. Implies {@link #preliminaryRefusal}.
         */
        public Builder<T> hearing(HearingRules rules) {
            this.hearing = Objects.requireNonNull(rules, "rules");
            return preliminaryRefusal(rules.objectionWindow());
        }

        /** Asynchronous: how a refusal is appealed and where the result is collected, in the service's own words. */
        public Builder<T> guidance(CitizenGuidance text) {
            this.guidance = Objects.requireNonNull(text, "guidance");
            return this;
        }

        /** Asynchronous: what an approved case produced and what its applicant reads (000: the permit, the ID to hand in). */
        public Builder<T> approval(ApprovalRule rule) {
            this.approval = Objects.requireNonNull(rule, "approval");
            return this;
        }

        public ServiceDefinition build() {
            boolean synchronous = route != null;
            ProcessDefinition process = null;
            if (!synchronous) {
                if (stages != null && !fixedStages.isEmpty()) {
                    throw new IllegalStateException(service + ": stages given both fixed and per request");
                }
                List<Stage> fixed = List.copyOf(fixedStages);
                Function<Message, List<Stage>> all = stages != null ? stages : body -> fixed;
                process = new ProcessDefinition(
                        service.id(),
                        all,
                        Objects.requireNonNull(caseTerm, "caseTerm"),
                        Objects.requireNonNull(parties, "parties"),
                        preliminaryRefusal,
                        objectionWindow,
                        titleKk,
                        titleRu,
                        secondParty,
                        handOut,
                        dueAfterStages,
                        hearing,
                        guidance,
                        approval);
            }
            return new ServiceDefinition(
                    service,
                    bodyType,
                    synchronous,
                    titleKk,
                    titleRu,
                    senders,
                    applicants,
                    route,
                    followUps,
                    intake,
                    process);
        }

        private static <B extends Message, R> Function<Message, R> typed(Class<B> type, Function<B, R> f) {
            Objects.requireNonNull(f, "rule");
            return m -> f.apply(type.cast(m));
        }
    }
}
