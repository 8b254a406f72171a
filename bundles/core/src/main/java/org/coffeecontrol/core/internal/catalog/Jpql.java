package org.coffeecontrol.core.internal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.coffeecontrol.api.Page;
import org.coffeecontrol.api.PageRequest;

/** Builds a filtered, paged JPQL query and its count from optional conditions. */
final class Jpql<E> {
    private final Class<E> entity;
    private final String alias;
    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String orderBy;

    Jpql(Class<E> entity, String alias) {
        this.entity = entity;
        this.alias = alias;
    }

    Jpql<E> where(String condition, String param, Object value) {
        where.add(condition);
        if (param != null) {
            params.put(param, value);
        }
        return this;
    }

    Jpql<E> param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    Jpql<E> whereIf(boolean apply, String condition, String param, Object value) {
        return apply ? where(condition, param, value) : this;
    }

    Jpql<E> orderBy(String orderBy) {
        this.orderBy = orderBy;
        return this;
    }

    private String body() {
        StringBuilder sb = new StringBuilder(" FROM ").append(entity.getSimpleName()).append(' ').append(alias);
        if (!where.isEmpty()) {
            sb.append(" WHERE ").append(String.join(" AND ", where));
        }
        return sb.toString();
    }

    <R> Page<R> page(EntityManager em, PageRequest page, java.util.function.Function<E, R> mapper) {
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ")" + body(), Long.class);
        TypedQuery<E> q = em.createQuery("SELECT " + alias + body() + (orderBy == null ? "" : " ORDER BY " + orderBy),
                entity);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            q.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<R> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                .map(mapper).toList();
        return Page.of(items, total, page);
    }

    static String like(String text) {
        return "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
    }
}
