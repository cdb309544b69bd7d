namespace Detector.Kafka.Processing;

/// <summary>Disposes a list of registrations together (the worker's gauge readers).</summary>
internal sealed class CompositeDisposable : IDisposable
{
    private readonly List<IDisposable> _items = [];

    public void Add(IDisposable item) => _items.Add(item);

    public void Dispose()
    {
        foreach (var item in _items)
            item.Dispose();
        _items.Clear();
    }
}
