# Description: Phase judge.
# Orchestration: Phase one | Judge
print("judge")
