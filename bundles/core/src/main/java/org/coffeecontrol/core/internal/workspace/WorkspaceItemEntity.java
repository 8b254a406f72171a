package org.coffeecontrol.core.internal.workspace;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.coffeecontrol.api.workspace.WorkspaceItem;

@Entity
@Table(name = "cc_workspace_item")
public class WorkspaceItemEntity {
    static final String HISTORY = "HISTORY";
    static final String FAVOURITE = "FAVOURITE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String username;
    String kind;
    String location;
    String title;
    @Column(name = "opened_at")
    Instant at;

    WorkspaceItem toRecord() {
        return new WorkspaceItem(id, location, title, at);
    }
}
