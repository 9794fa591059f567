package io.xcluster.itclients.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** The content cluster's posts, each of a subscription and a user of the accounts cluster. */
@Entity
@Table(name = "posts")
public class Post {
  @Id Long id;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "subscription_id") Subscription subscription;
  @ManyToOne(fetch = FetchType.LAZY) @JoinColumn(name = "user_id") User user;
  String title;
  Integer score;
  @Column(name = "created_at") LocalDateTime createdAt;
}
