-- Whether the completion of activity :activity by trainee :trainee on :completed is already held.
SELECT id FROM activity_completion WHERE activity_id = :activity AND trainee_id = :trainee AND completed = :completed;
