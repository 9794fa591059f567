package io.xcluster.itclients.spring;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes in Spring-managed transactions: notes live in one cluster, likes in another. */
@Service
public class NotesService {
  private final JdbcTemplate jdbc;

  public NotesService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void addTwoNotes(int first, int second) {
    jdbc.update("INSERT INTO notes (id, body) VALUES (?, ?)", first, "note " + first);
    jdbc.update("INSERT INTO notes (id, body) VALUES (?, ?)", second, "note " + second);
  }

  @Transactional
  public void addNoteThenFail(int id) {
    jdbc.update("INSERT INTO notes (id, body) VALUES (?, ?)", id, "note " + id);
    throw new IllegalStateException("the business rule failed after the write");
  }

  /** A write to the notes cluster, then one to the likes cluster: xcluster refuses the second. */
  @Transactional
  public void addNoteAndLike(int id) {
    jdbc.update("INSERT INTO notes (id, body) VALUES (?, ?)", id, "note " + id);
    jdbc.update("INSERT INTO likes (id, note_id) VALUES (?, ?)", id, id);
  }
}
