package io.xcluster.itclients.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;

/** The accounts cluster's users (fixture table {@code users}). */
@Entity
@Table(name = "users")
public class User {
  @Id Long id;
  String name;
  String email;
  @Column(name = "created_at") LocalDateTime createdAt;
  Integer score;
  @OneToMany(mappedBy = "user") List<Subscription> subscriptions;
  /** The posts the user commented on, through comments (content cluster, beside posts): many-to-many. */
  @ManyToMany
  @JoinTable(name = "comments", joinColumns = @JoinColumn(name = "user_id"),
      inverseJoinColumns = @JoinColumn(name = "post_id"))
  List<Post> commented;
}
