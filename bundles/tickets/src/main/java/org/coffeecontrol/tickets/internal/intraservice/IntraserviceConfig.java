package org.coffeecontrol.tickets.internal.intraservice;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** ConfigAdmin PID {@code org.coffeecontrol.tickets.intraservice}: the helpdesk connector (off while absent). */
@ObjectClassDefinition(name = "Coffee Control Intraservice connector", description = "Tasks in and out, status sync")
public @interface IntraserviceConfig {

    String PID = "org.coffeecontrol.tickets.intraservice";

    @AttributeDefinition(description = "Base address of Intraservice, e.g. https://helpdesk.example.org/")
    String url();

    String user();

    @AttributeDefinition(type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "Seconds between synchronisations")
    int intervalSeconds() default 300;

    int timeoutMillis() default 15000;

    @AttributeDefinition(description = "ServiceId of the tasks we create (field visits of POS routed to INTRASERVICE)",
            required = false)
    int serviceId() default 0;

    @AttributeDefinition(description = "TypeId (task type) of the tasks we create; most installations require it "
            + "together with ServiceId", required = false)
    int typeId() default 0;

    @AttributeDefinition(description = "StatusId of a task we create")
    int newStatusId() default 31;

    @AttributeDefinition(description = "Our ticket states as their StatusIds: STATE=id, comma separated")
    String statusMap() default "ASSIGNED=27,IN_PROGRESS=27,DONE=29,CLOSED=28,CANCELLED=30";

    @AttributeDefinition(description = "Their StatusIds that end a task: our linked ticket is cancelled if open")
    String closingStatusIds() default "28,30";
}
