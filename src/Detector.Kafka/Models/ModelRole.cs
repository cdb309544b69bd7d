namespace Detector.Kafka.Models;

/// <summary>What a model directive sets: the model alerts are emitted under, or the candidate compared with it.</summary>
public enum ModelRole
{
    Active,
    Shadow,
}
