package io.xcluster.itclients.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;

/** The accounts cluster's subscriptions; their posts live in the content cluster. */
@Entity
@Table(name = "subscriptions")
public class Subscription {
  @Id Long id;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "user_id") User user;
  String plan;
  @Column(name = "created_at") LocalDateTime createdAt;
  @OneToMany(mappedBy = "subscription") List<Post> posts;
}
