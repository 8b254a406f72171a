package org.coffeecontrol.tickets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the tickets bundle ({@code etc/org.coffeecontrol.tickets.cfg}). */
@ObjectClassDefinition(name = "Coffee Control tickets")
public @interface TicketsConfig {
    String PID = "org.coffeecontrol.tickets";

    @AttributeDefinition(description = "Largest attached file in bytes")
    int maxAttachmentBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(description = "Largest signature image in bytes")
    int maxSignatureBytes() default 512 * 1024;

    @AttributeDefinition(description = "Audit visits per month by SLA level, e.g. A=4,B=2,C=1; a numeric level is its own count")
    String slaVisits() default "A=4,B=2,C=1,GOLD=4,SILVER=2,BRONZE=1,PREMIUM=4,STANDARD=2,BASIC=1";

    @AttributeDefinition(description = "Inspection checklist of audit tickets: key=label pairs separated by |")
    String checklistTemplate() default "clean=Machine clean inside and outside|water=Water filter within its life"
            + "|grinder=Grinder set, beans fresh|milk=Milk system clean and cold|recipes=Recipes match the client's card"
            + "|counters=Service counters read|cleaning=Cleaning schedule kept|staff=Staff briefed";

    @AttributeDefinition(description = "Time zone of working hours and audit dates; empty means the system zone")
    String zone() default "";

    @AttributeDefinition(description = "Open tickets at which a mechanic without his own limit counts as busy")
    int defaultMaxOpen() default 3;

    @AttributeDefinition(description = "Working hours of a mechanic without his own, HH:mm-HH:mm")
    String defaultWorkingHours() default "08:00-20:00";
}
