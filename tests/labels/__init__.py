"""Names by label: NameLabelClassifier, PerLabelClassifier, the label embedding,
calibration and priors, label types and spellings.
"""
