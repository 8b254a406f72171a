package org.coffeecontrol.tickets.internal.pretickets;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin PID {@code org.coffeecontrol.tickets.pretickets}: which problems open tickets by themselves. */
@ObjectClassDefinition(name = "Coffee Control pre-tickets and findings",
        description = "Tickets opened from detected problems (TKT-2)")
public @interface PreTicketsConfig {

    String PID = "org.coffeecontrol.tickets.pretickets";

    @AttributeDefinition(description = "Critical error codes that open a pre-ticket, comma separated; * for all, "
            + "empty for none")
    String criticalCodes() default "*";

    @AttributeDefinition(description = "Minutes a machine must be not online before an operator finding "
            + "(connectivity) is opened; 0 turns it off")
    int offlineFindingMinutes() default 60;

    @AttributeDefinition(description = "Seconds between the sweeps that catch up on problems and findings")
    int sweepSeconds() default 60;
}
