namespace Detector.Scoring.Statistics;

/// <summary>Checkpoint format of <see cref="NGramModel"/>: the n-gram counts in key order.</summary>
public sealed partial class NGramModel
{
    public void Write(BinaryWriter writer)
    {
        StateFormat.WriteHeader(writer, StateTag.NGramModel, FormatVersion);
        writer.Write(_alphabetSize);
        writer.Write((byte)_order);
        writer.Write(_capacity);
        // Only n-gram counts, in key order: context statistics follow from them, and equal models
        // write equal bytes whatever order they learned in. The sort buffers are checkpoint-time garbage.
        var keys = new uint[_used];
        var counts = new uint[_used];
        int n = 0;
        foreach (var slot in _slots)
        {
            if (slot.Count > 0)
            {
                keys[n] = slot.Key;
                counts[n++] = slot.Count;
            }
        }
        Array.Sort(keys, counts, 0, n);
        writer.Write(n);
        for (int i = 0; i < n; i++)
        {
            writer.Write(keys[i]);
            writer.Write(counts[i]);
        }
    }

    public static NGramModel Read(BinaryReader reader)
    {
        StateFormat.ReadHeader(reader, StateTag.NGramModel, FormatVersion);
        int alphabetSize = StateFormat.ReadInt32(reader, "alphabet size", 1, StartSymbol - 1);
        int order = reader.ReadByte();
        int capacity = StateFormat.ReadInt32(reader, "capacity", 16, 1 << 24);
        if (order is < 1 or > 2 || (capacity & (capacity - 1)) != 0)
            StateFormat.Fail($"order {order} or capacity {capacity} is invalid");
        var model = new NGramModel(alphabetSize, order, capacity);
        int n = StateFormat.ReadInt32(reader, "n-gram count", 0, model._maxUsed);
        for (int i = 0; i < n; i++)
        {
            uint key = reader.ReadUInt32();
            uint count = reader.ReadUInt32();
            if (count == 0 || count >= TotalLimit || !model.IsValidKey(key))
                StateFormat.Fail($"n-gram {key} with count {count} is invalid for this model");
            if (model.Find(key) >= 0 || model._used + 2 > model._maxUsed)
                StateFormat.Fail("n-grams are repeated or do not fit the table");
            model.AddCount(key, count);
        }
        return model;
    }

    /// <summary>Kind within the order, predicted symbol in the alphabet, context symbols in the alphabet or the start, unused bits zero.</summary>
    private bool IsValidKey(uint key)
    {
        int kind = (int)(key >> KindShift);
        if (kind == 0 || kind > _order + 1)
            return false;
        for (int position = 0; position < 3; position++)
        {
            uint symbol = (key >> (position * SymbolBits)) & SymbolMask;
            bool valid = position >= kind ? symbol == 0
                : position == 0 ? symbol < (uint)_alphabetSize
                : symbol < (uint)_alphabetSize || symbol == StartSymbol;
            if (!valid)
                return false;
        }
        return true;
    }
}
