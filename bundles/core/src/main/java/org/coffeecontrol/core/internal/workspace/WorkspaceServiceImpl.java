package org.coffeecontrol.core.internal.workspace;

import java.time.Instant;
import java.util.List;

import javax.persistence.EntityManager;

import org.coffeecontrol.api.ValidationException;
import org.coffeecontrol.api.security.Caller;
import org.coffeecontrol.api.workspace.WorkspaceItem;
import org.coffeecontrol.api.workspace.WorkspaceService;
import org.coffeecontrol.core.internal.db.CoreDatabase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** History (COL-2) and favourites (COL-3), scoped to the caller's own username. */
@Component(service = WorkspaceService.class)
public class WorkspaceServiceImpl implements WorkspaceService {

    static final int HISTORY_KEPT = 100;

    private final CoreDatabase db;

    @Activate
    public WorkspaceServiceImpl(@Reference CoreDatabase db) {
        this.db = db;
    }

    @Override
    public void opened(Caller caller, String location, String title) {
        check(location, title);
        db.txRun(em -> {
            WorkspaceItemEntity e = new WorkspaceItemEntity();
            e.username = caller.username();
            e.kind = WorkspaceItemEntity.HISTORY;
            e.location = location;
            e.title = title;
            e.at = Instant.now();
            em.persist(e);
            List<WorkspaceItemEntity> old = items(em, caller, WorkspaceItemEntity.HISTORY, HISTORY_KEPT, HISTORY_KEPT);
            old.forEach(em::remove);
        });
    }

    @Override
    public List<WorkspaceItem> history(Caller caller, int limit) {
        return db.read(em -> items(em, caller, WorkspaceItemEntity.HISTORY, 0, Math.max(1, Math.min(limit, HISTORY_KEPT)))
                .stream().map(WorkspaceItemEntity::toRecord).toList());
    }

    @Override
    public void clearHistory(Caller caller) {
        db.txRun(em -> em.createQuery("DELETE FROM WorkspaceItemEntity w WHERE w.username = :u AND w.kind = :k")
                .setParameter("u", caller.username()).setParameter("k", WorkspaceItemEntity.HISTORY).executeUpdate());
    }

    @Override
    public WorkspaceItem pin(Caller caller, String location, String title) {
        check(location, title);
        return db.tx(em -> {
            WorkspaceItemEntity e = favourite(em, caller, location);
            if (e == null) {
                e = new WorkspaceItemEntity();
                e.username = caller.username();
                e.kind = WorkspaceItemEntity.FAVOURITE;
                e.location = location;
                e.at = Instant.now();
                em.persist(e);
            }
            e.title = title;
            em.flush();
            return e.toRecord();
        });
    }

    @Override
    public void unpin(Caller caller, String location) {
        db.txRun(em -> {
            WorkspaceItemEntity e = favourite(em, caller, location);
            if (e != null) {
                em.remove(e);
            }
        });
    }

    @Override
    public boolean isPinned(Caller caller, String location) {
        return db.read(em -> favourite(em, caller, location) != null);
    }

    @Override
    public List<WorkspaceItem> favourites(Caller caller) {
        return db.read(em -> items(em, caller, WorkspaceItemEntity.FAVOURITE, 0, 500).stream()
                .map(WorkspaceItemEntity::toRecord).toList());
    }

    private static List<WorkspaceItemEntity> items(EntityManager em, Caller caller, String kind, int offset, int limit) {
        return em.createQuery("SELECT w FROM WorkspaceItemEntity w WHERE w.username = :u AND w.kind = :k "
                + "ORDER BY w.at DESC, w.id DESC", WorkspaceItemEntity.class)
                .setParameter("u", caller.username()).setParameter("k", kind)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    private static WorkspaceItemEntity favourite(EntityManager em, Caller caller, String location) {
        return em.createQuery("SELECT w FROM WorkspaceItemEntity w WHERE w.username = :u AND w.kind = :k "
                + "AND w.location = :l", WorkspaceItemEntity.class)
                .setParameter("u", caller.username()).setParameter("k", WorkspaceItemEntity.FAVOURITE)
                .setParameter("l", location).getResultList().stream().findFirst().orElse(null);
    }

    private static void check(String location, String title) {
        if (location == null || location.isBlank() || location.length() > 500) {
            throw new ValidationException("location", "is required (at most 500 characters)");
        }
        if (title != null && title.length() > 300) {
            throw new ValidationException("title", "must be at most 300 characters");
        }
    }
}
